// The week (or day) grid: one column per day, one row per hour, each occurrence a block in the
// shown zone. Drag on an empty part of a column to create a shift there; drag a block to move it
// (its day and time), or Alt+arrows on it; click or Enter on a block to edit its shift.
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftConflict, ShiftOccurrence } from '@shared/schedule';
import { formatDayHeading, formatHour, formatTimeIn } from '../../i18n/formatters';
import { useLocale } from '../../i18n/useLocale';
import { conflictSentence, occurrenceKey } from './conflictText';
import { instantAt, MINUTES_PER_DAY, movedStart, snapMinutes, type GridBlock } from './scheduleLayout';
import classes from './Schedule.module.css';

const HOUR_PX = 36;
const MINUTE_PX = HOUR_PX / 60;
/** Pointer travel (px) before a press on a block counts as a drag rather than a click. */
const DRAG_THRESHOLD = 4;
const DEFAULT_MINUTES = 8 * 60;
const HUES = ['blue', 'teal', 'grape', 'orange', 'cyan', 'lime', 'pink', 'indigo', 'yellow', 'violet'];

export interface WeekGridProps {
  days: string[];
  zone: string;
  today: string;
  now: number;
  blocks: GridBlock[];
  agentIds: string[];
  nameOf(agentId: string): string;
  conflicts: Map<string, ShiftConflict[]>;
  onCreate(at: { start: number; durationMinutes: number }): void;
  onMove(occurrence: ShiftOccurrence, newStart: number): void;
  onOpen(occurrence: ShiftOccurrence): void;
}

type Drag =
  | { kind: 'create'; dayIndex: number; from: number; to: number }
  | { kind: 'move'; block: GridBlock; x: number; y: number; dayDelta: number; dx: number; minuteDelta: number; moved: boolean };

export function WeekGrid({ days, zone, today, now, blocks, agentIds, nameOf, conflicts, onCreate, onMove, onOpen }: WeekGridProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const scroller = useRef<HTMLDivElement>(null);
  const columns = useRef<(HTMLDivElement | null)[]>([]);
  const [drag, setDrag] = useState<Drag | null>(null);

  // Open on the working day (07:00), or earlier when a shift starts earlier: again when the
  // zone or the dates change, never while the agent scrolls the same view.
  const earliest = blocks.length > 0 ? Math.min(...blocks.map((b) => b.top)) : null;
  const scrollKey = `${zone}|${days[0] ?? ''}|${earliest === null ? 'empty' : 'shown'}`;
  const [scrolledFor, setScrolledFor] = useState<string | null>(null);
  useEffect(() => {
    if (!scroller.current || scrolledFor === scrollKey) return;
    scroller.current.scrollTop = Math.max(0, Math.min(7 * 60, (earliest ?? 7 * 60) - 30)) * MINUTE_PX;
    setScrolledFor(scrollKey);
  }, [scrollKey, scrolledFor, earliest]);

  const minuteAt = (column: HTMLElement, clientY: number) => snapMinutes((clientY - column.getBoundingClientRect().top) / MINUTE_PX);
  const columnAt = (clientX: number) => columns.current.findIndex((c) => c && clientX >= c.getBoundingClientRect().left && clientX < c.getBoundingClientRect().right);
  const time = (instant: number) => formatTimeIn(instant, zone, locale);
  const hueOf = (agentId: string) => HUES[Math.max(0, agentIds.indexOf(agentId)) % HUES.length] ?? 'blue';

  const startCreate = (dayIndex: number) => (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.button !== 0 || event.target !== event.currentTarget) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const at = Math.min(minuteAt(event.currentTarget, event.clientY), MINUTES_PER_DAY - 15);
    setDrag({ kind: 'create', dayIndex, from: at, to: at });
  };
  const moveCreate = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (drag?.kind !== 'create') return;
    setDrag({ ...drag, to: minuteAt(event.currentTarget, event.clientY) });
  };
  const endCreate = () => {
    if (drag?.kind !== 'create') return;
    setDrag(null);
    const day = days[drag.dayIndex];
    if (day === undefined) return;
    const from = Math.min(drag.from, drag.to);
    const span = Math.abs(drag.to - drag.from);
    onCreate({ start: instantAt(day, from, zone), durationMinutes: span >= 15 ? span : DEFAULT_MINUTES });
  };

  const startMove = (block: GridBlock) => (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ kind: 'move', block, x: event.clientX, y: event.clientY, dayDelta: 0, dx: 0, minuteDelta: 0, moved: false });
  };
  const continueMove = (event: ReactPointerEvent<HTMLButtonElement>) => {
    if (drag?.kind !== 'move') return;
    const moved = drag.moved || Math.hypot(event.clientX - drag.x, event.clientY - drag.y) > DRAG_THRESHOLD;
    const column = columnAt(event.clientX);
    const dayDelta = column < 0 ? drag.dayDelta : column - drag.block.dayIndex;
    const minuteDelta = Math.round((event.clientY - drag.y) / MINUTE_PX / 15) * 15;
    const left = (index: number) => columns.current[index]?.getBoundingClientRect().left ?? 0;
    setDrag({ ...drag, moved, dayDelta, dx: left(drag.block.dayIndex + dayDelta) - left(drag.block.dayIndex), minuteDelta });
  };
  const endMove = () => {
    if (drag?.kind !== 'move') return;
    setDrag(null);
    const { block } = drag;
    if (!drag.moved) {
      onOpen(block.occurrence);
      return;
    }
    if (drag.dayDelta === 0 && drag.minuteDelta === 0) return;
    const start = movedStart(block, days, zone, { days: drag.dayDelta, minutes: drag.minuteDelta });
    if (start !== null) onMove(block.occurrence, start);
  };

  // The keyboard's way to move: Alt+Up/Down by 15 minutes, Alt+Left/Right by a day (mirrored right to left).
  const keyMove = (block: GridBlock, event: KeyboardEvent<HTMLButtonElement>) => {
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const steps: Record<string, { days: number; minutes: number }> = {
      ArrowUp: { days: 0, minutes: -15 },
      ArrowDown: { days: 0, minutes: 15 },
      ArrowLeft: { days: rtl ? 1 : -1, minutes: 0 },
      ArrowRight: { days: rtl ? -1 : 1, minutes: 0 },
    };
    const by = event.altKey ? steps[event.key] : undefined;
    if (!by) return false;
    const start = movedStart(block, days, zone, by);
    if (start !== null) {
      refocus.current = block.occurrence.shiftId;
      onMove(block.occurrence, start);
    }
    return true;
  };
  // A moved block is drawn anew (its date changed): the keyboard stays on it.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (refocus.current === null || !scroller.current) return;
    const moved = scroller.current.querySelector<HTMLElement>(`[data-shift="${CSS.escape(refocus.current)}"]`);
    if (moved && moved !== document.activeElement) moved.focus();
  }, [blocks]);

  const todayIndex = days.indexOf(today);
  const nowTop = todayIndex >= 0 ? (now - instantAt(today, 0, zone)) / 60000 : -1;
  const gridStyle = { '--days': days.length, '--hour': `${HOUR_PX}px` } as CSSProperties;

  return (
    <div className={classes.grid} ref={scroller} style={gridStyle} data-testid="schedule-grid">
      <div className={classes.head}>
        <div />
        {days.map((day) => (
          <div key={day} className={`${classes.dayHeading} ${day === today ? classes.today : ''}`}>
            {formatDayHeading(day, locale)}
          </div>
        ))}
      </div>
      <div className={classes.body}>
        <div className={classes.hours} aria-hidden>
          {Array.from({ length: 23 }, (_, i) => i + 1).map((hour) => (
            <span key={hour} className={classes.hourLabel} style={{ insetBlockStart: hour * HOUR_PX }}>
              {formatHour(hour, locale)}
            </span>
          ))}
        </div>
        {days.map((day, dayIndex) => (
          <div
            key={day}
            ref={(el) => {
              columns.current[dayIndex] = el;
            }}
            role="group"
            aria-label={formatDayHeading(day, locale, 'long')}
            className={classes.column}
            data-date={day}
            onPointerDown={startCreate(dayIndex)}
            onPointerMove={moveCreate}
            onPointerUp={endCreate}
            onPointerCancel={() => setDrag(null)}
          >
            {dayIndex === todayIndex && nowTop >= 0 && nowTop < MINUTES_PER_DAY && <div className={classes.nowLine} style={{ insetBlockStart: nowTop * MINUTE_PX }} />}
            {drag?.kind === 'create' && drag.dayIndex === dayIndex && (
              <div
                className={classes.draft}
                style={{ insetBlockStart: Math.min(drag.from, drag.to) * MINUTE_PX, height: Math.max(15, Math.abs(drag.to - drag.from)) * MINUTE_PX }}
              />
            )}
            {blocks
              .filter((b) => b.dayIndex === dayIndex)
              .map((block) => {
                const o = block.occurrence;
                const key = occurrenceKey(o);
                const dragging = drag?.kind === 'move' && drag.moved && drag.block === block;
                const top = block.top + (dragging ? drag.minuteDelta : 0);
                const marked = conflicts.get(key) ?? [];
                const name = nameOf(o.agentId);
                const span = t('schedule.block.span', { start: time(o.start), end: time(o.end) });
                const problems = marked.map((c) => conflictSentence(t, c, nameOf, time));
                const hue = hueOf(o.agentId);
                const style = {
                  insetBlockStart: top * MINUTE_PX,
                  height: Math.max(block.height * MINUTE_PX, 18),
                  insetInlineStart: `calc(${(block.lane / block.lanes) * 100}% + 2px)`,
                  width: `calc(${(block.span / block.lanes) * 100}% - 4px)`,
                  transform: dragging ? `translateX(${drag.dx}px)` : undefined,
                  '--block-bg': `var(--mantine-color-${hue}-light)`,
                  '--block-border': `var(--mantine-color-${hue}-filled)`,
                } as CSSProperties;
                return (
                  <button
                    key={`${key}|${block.dayIndex}`}
                    type="button"
                    className={classes.block}
                    style={style}
                    data-conflict={marked.length > 0 || undefined}
                    data-before={block.continuesBefore || undefined}
                    data-after={block.continuesAfter || undefined}
                    data-dragging={dragging || undefined}
                    data-testid="shift-block"
                    data-agent={o.agentId}
                    data-shift={o.shiftId}
                    aria-label={[t('schedule.block.label', { agent: name, span }), ...problems].join('. ')}
                    title={[`${name} · ${span}`, ...problems].join('\n')}
                    onPointerDown={startMove(block)}
                    onPointerMove={continueMove}
                    onPointerUp={endMove}
                    onPointerCancel={() => setDrag(null)}
                    aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown Alt+ArrowLeft Alt+ArrowRight"
                    aria-description={t('schedule.block.keys')}
                    onKeyDown={(event) => {
                      if (event.key === 'Enter' || event.key === ' ') {
                        event.preventDefault();
                        onOpen(o);
                      } else if (keyMove(block, event)) {
                        event.preventDefault();
                      }
                    }}
                  >
                    <span className={classes.blockName} dir="auto">
                      {marked.length > 0 && (
                        <span className={classes.conflictMark} aria-hidden>
                          {'⚠ '}
                        </span>
                      )}
                      {name}
                    </span>
                    <span className={classes.blockTime}>{span}</span>
                  </button>
                );
              })}
          </div>
        ))}
      </div>
    </div>
  );
}
