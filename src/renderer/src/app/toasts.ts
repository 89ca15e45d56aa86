// In-app toasts (Mantine notifications, role="alert").
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';

export function showErrorToast(title: string, message: string): void {
  notifications.show({ title, message, color: 'red', autoClose: 10_000, withBorder: true });
}

export function showInfoToast(title: string, message?: ReactNode, id?: string): void {
  notifications.show({ id, title, message: message ?? null, color: 'teal', autoClose: 5_000, withBorder: true });
}
