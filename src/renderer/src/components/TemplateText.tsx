// Renders a template from templateParts.ts: its text as is, each value as text in a <bdi>.
import { Fragment } from 'react';
import { templateParts } from './templateParts';

export function TemplateText({ template, values }: { template: string; values: Record<string, string> }) {
  return (
    <>
      {templateParts(template).map((part, i) =>
        'text' in part ? <Fragment key={i}>{part.text}</Fragment> : <bdi key={i}>{values[part.value] ?? ''}</bdi>,
      )}
    </>
  );
}
