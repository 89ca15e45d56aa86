// A customer's avatar: the platform's picture through the image proxy, or their initials when
// there is none or the proxy refused it. Named by the customer's name (as text, never HTML).
import { Avatar, type MantineSize } from '@mantine/core';
import type { Customer } from '@shared/domain';
import { proxiedImage } from '../media/proxiedImage';
import { initialsOf } from './initials';

export function CustomerAvatar({ customer, size }: { customer: Pick<Customer, 'displayName' | 'avatarUrl'>; size: MantineSize | number }) {
  const name = customer.displayName;
  return (
    <Avatar
      // One image role for both states (picture or initials), named by the customer.
      role="img"
      aria-label={name}
      src={proxiedImage(customer.avatarUrl)}
      alt={name}
      name={name}
      color="initials"
      size={size}
      imageProps={{ loading: 'lazy', decoding: 'async', referrerPolicy: 'no-referrer', draggable: false }}
      data-testid="customer-avatar"
    >
      {initialsOf(name) || null}
    </Avatar>
  );
}
