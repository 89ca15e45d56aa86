// The SLA policies in the order they are tried (the first match wins): each with its conditions
// in words, its targets, the calendar they count in and when agents are warned, with Move up /
// Move down, Edit and Remove. A policy below one that matches everything is flagged: it never applies.
import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaCalendar, SlaPolicy } from '@shared/sla';
import { formatDuration } from '../../i18n/duration';
import { formatNumber, languageName } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { summariseConditions, unreachablePolicies, type ConditionLabels } from './policySummary';
import classes from './SlaSettings.module.css';

export type PolicyAction = 'up' | 'down' | 'edit' | 'remove';

/** Which control of which policy gets the focus (the one just used, wherever its policy moved). */
export interface PolicyFocus {
  policyId: string;
  action: PolicyAction;
}

export function PolicyList({
  policies,
  calendars,
  labels,
  focus,
  onAction,
}: {
  policies: SlaPolicy[];
  calendars: SlaCalendar[];
  labels: ConditionLabels;
  focus: PolicyFocus | null;
  onAction(action: PolicyAction, policy: SlaPolicy): void;
}) {
  const { t } = useTranslation();
  if (policies.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="sla-policies-empty">
        {t('slaSettings.policies.empty')}
      </Text>
    );
  }
  const unreachable = unreachablePolicies(policies);
  const calendarName = (id: string | null) => (id === null ? t('slaSettings.aroundTheClock') : (calendars.find((c) => c.id === id)?.name ?? id));
  return (
    <ol className={classes.list} aria-label={t('slaSettings.policies.listLabel')} data-testid="sla-policies">
      {policies.map((policy, index) => (
        <PolicyItem
          key={policy.id}
          policy={policy}
          position={index + 1}
          first={index === 0}
          last={index === policies.length - 1}
          conditions={summariseConditions(policy.match, labels)}
          calendar={calendarName(policy.calendarId)}
          shadowedBy={unreachable.get(policy.id) ?? null}
          focus={focus?.policyId === policy.id ? focus : null}
          onAction={(action) => onAction(action, policy)}
        />
      ))}
    </ol>
  );
}

function PolicyItem({
  policy,
  position,
  first,
  last,
  conditions,
  calendar,
  shadowedBy,
  focus,
  onAction,
}: {
  policy: SlaPolicy;
  position: number;
  first: boolean;
  last: boolean;
  conditions: string;
  calendar: string;
  shadowedBy: string | null;
  /** A new object each time the focus is asked for, so asking twice for the same control works. */
  focus: PolicyFocus | null;
  onAction(action: PolicyAction): void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const up = useRef<HTMLButtonElement>(null);
  const down = useRef<HTMLButtonElement>(null);
  const edit = useRef<HTMLButtonElement>(null);
  const remove = useRef<HTMLButtonElement>(null);
  // After a move the item may have been re-inserted (and lost the focus), or reached an end
  // (its button disabled): the focus goes to the control that still makes sense.
  useEffect(() => {
    if (focus === null) return;
    const { action } = focus;
    const wanted = action === 'up' ? (first ? down : up) : action === 'down' ? (last ? up : down) : action === 'remove' ? remove : edit;
    const target = wanted.current && !wanted.current.disabled ? wanted.current : edit.current;
    if (target && document.activeElement !== target) target.focus();
  }, [focus, first, last]);

  const duration = (seconds: number) => formatDuration(seconds * 1000, locale);
  const ackLanguages = Object.keys(policy.autoAck.messages).map((tag) => languageName(tag, locale));
  const shadowNoteId = `sla-policy-shadowed-${position}`;
  const moveUp = t('slaSettings.policies.moveUp', { name: policy.name });
  const moveDown = t('slaSettings.policies.moveDown', { name: policy.name });

  return (
    <Paper component="li" withBorder p="sm" aria-label={policy.name} data-policy-id={policy.id} data-position={position}>
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Text className={classes.position} aria-hidden>
          {formatNumber(position, locale)}
        </Text>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Title order={3} size="sm" fw={600} className={classes.name}>
                <bdi>{policy.name}</bdi>
              </Title>
              <Text size="xs" c="dimmed" data-testid="policy-conditions">
                {conditions}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap">
              <ActionIcon ref={up} variant="default" size="md" aria-label={moveUp} title={moveUp} disabled={first} onClick={() => onAction('up')}>
                <Arrow up />
              </ActionIcon>
              <ActionIcon ref={down} variant="default" size="md" aria-label={moveDown} title={moveDown} disabled={last} onClick={() => onAction('down')}>
                <Arrow />
              </ActionIcon>
              <Button ref={edit} size="xs" variant="default" onClick={() => onAction('edit')} aria-label={t('slaSettings.policies.editLabel', { name: policy.name })}>
                {t('slaSettings.edit')}
              </Button>
              <Button ref={remove} size="xs" variant="subtle" color="red" onClick={() => onAction('remove')} aria-label={t('slaSettings.policies.removeLabel', { name: policy.name })}>
                {t('slaSettings.remove')}
              </Button>
            </Group>
          </Group>
          <dl className={classes.facts}>
            <div>
              <dt>{t('slaSettings.policies.firstResponse')}</dt>
              <dd data-testid="policy-first-response">{duration(policy.firstResponseSeconds)}</dd>
            </div>
            <div>
              <dt>{t('slaSettings.policies.nextResponse')}</dt>
              <dd data-testid="policy-next-response">{duration(policy.nextResponseSeconds)}</dd>
            </div>
            <div>
              <dt>{t('slaSettings.policies.resolution')}</dt>
              <dd data-testid="policy-resolution">{policy.resolutionSeconds === null ? t('slaSettings.policies.noTarget') : duration(policy.resolutionSeconds)}</dd>
            </div>
            <div>
              <dt>{t('slaSettings.policies.countsIn')}</dt>
              <dd data-testid="policy-calendar">
                <bdi>{calendar}</bdi>
              </dd>
            </div>
            <div>
              <dt>{t('slaSettings.policies.warnAt')}</dt>
              <dd data-testid="policy-warn">{t('slaSettings.policies.warnShare', { share: policy.nearBreachShare })}</dd>
            </div>
            <div>
              <dt>{t('slaSettings.policies.autoAck')}</dt>
              <dd data-testid="policy-ack">
                {policy.autoAck.enabled ? t('slaSettings.policies.ackOn', { languages: new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(ackLanguages) }) : t('slaSettings.policies.ackOff')}
              </dd>
            </div>
          </dl>
          {shadowedBy !== null && (
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" color="orange" variant="light" aria-describedby={shadowNoteId}>
                {t('slaSettings.policies.neverApplies')}
              </Badge>
              <Text id={shadowNoteId} size="xs" c="orange.9">
                {t('slaSettings.policies.shadowedBy', { name: shadowedBy })}
              </Text>
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

function Arrow({ up = false }: { up?: boolean }) {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      {up ? <path d="M12 19V5M5 12l7-7 7 7" /> : <path d="M12 5v14M19 12l-7 7-7-7" />}
    </svg>
  );
}
