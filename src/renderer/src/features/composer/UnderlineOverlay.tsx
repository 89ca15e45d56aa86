// Underlines ranges of the reply box's text (brand-voice findings, unfilled variables): a layer
// laid exactly over the textarea with the same text in transparent ink, so only the wavy lines
// show. It copies the textarea's box and font, follows its size and scroll, and never takes the
// pointer. The ranges are also listed in words below the box (ReplyIssues) for screen readers.
import { Fragment, useLayoutEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import { rangeParts } from '../../components/rangeParts';
import classes from './Composer.module.css';

export interface Underline {
  start: number;
  end: number;
  tone: 'warning' | 'error';
}

const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textTransform',
  'textIndent',
  'tabSize',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
] as const;

export function UnderlineOverlay({ target, text, underlines }: { target: RefObject<HTMLTextAreaElement | null>; text: string; underlines: Underline[] }) {
  const layer = useRef<HTMLDivElement>(null);
  const [box, setBox] = useState<CSSProperties | null>(null);

  useLayoutEffect(() => {
    const el = target.current;
    if (!el || underlines.length === 0) return;
    const measure = () => {
      const style = getComputedStyle(el);
      const copied: CSSProperties = {};
      for (const key of COPIED) (copied as Record<string, string>)[key] = style[key];
      // The text area's box without its scrollbar (past maxRows it scrolls and its text wraps narrower).
      const borders = (a: string, b: string) => parseFloat(a) + parseFloat(b);
      setBox({
        ...copied,
        top: el.offsetTop,
        left: el.offsetLeft,
        width: el.clientWidth + borders(style.borderLeftWidth, style.borderRightWidth),
        height: el.clientHeight + borders(style.borderTopWidth, style.borderBottomWidth),
      });
    };
    const follow = () => {
      if (layer.current) layer.current.scrollTop = el.scrollTop;
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    el.addEventListener('scroll', follow);
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', follow);
    };
  }, [target, underlines.length]);

  useLayoutEffect(() => {
    if (layer.current && target.current) layer.current.scrollTop = target.current.scrollTop;
  });

  if (underlines.length === 0 || !box) return null;
  const parts = rangeParts(text, underlines);
  return (
    <div ref={layer} className={classes.underlines} style={box} aria-hidden dir="auto" data-testid="reply-underlines">
      {parts.map(({ text: part, range }, i) =>
        range ? (
          <span key={i} className={classes.underline} data-tone={range.tone}>
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
      {/* A final line break in a textarea still takes a line. */}
      {text.endsWith('\n') ? ' ' : null}
    </div>
  );
}
