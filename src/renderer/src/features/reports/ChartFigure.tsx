// A chart with its caption and the table of the same numbers: the chart is a picture described
// by its caption; the table is the accessible (and printed) form.
import { ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export interface ChartFigureProps {
  title: string;
  /** One sentence saying what the chart shows, read by screen readers instead of the picture. */
  description: string;
  chart: ReactNode | null;
  /** Shown instead of chart and table when there is nothing to show. */
  empty: string | null;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
  testId: string;
}

export function ChartFigure({ title, description, chart, empty, head, rows, testId }: ChartFigureProps) {
  const captionId = useId();
  return (
    <Stack component="section" gap={6} aria-labelledby={captionId} data-testid={testId} className="reports-section">
      <Title order={3} size="h5" id={captionId}>
        {title}
      </Title>
      {empty !== null ? (
        <Text size="sm" c="dimmed" data-testid="report-empty">
          {empty}
        </Text>
      ) : (
        <>
          {chart && (
            <figure className="reports-chart" style={{ margin: 0 }}>
              <div role="img" aria-label={description}>
                {chart}
              </div>
              <Text component="figcaption" size="xs" c="dimmed">
                {description}
              </Text>
            </figure>
          )}
          <ScrollArea.Autosize mah={320} type="auto" className="reports-table-scroll">
            <Table striped withTableBorder fz="xs" captionSide="top" verticalSpacing={2}>
              <Table.Caption style={{ textAlign: 'start' }}>{title}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {head.map((h, i) => (
                    <Table.Th key={h} scope="col" ta={i === 0 ? 'start' : 'end'}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.key}>
                    {row.cells.map((cell, i) =>
                      i === 0 ? (
                        <Table.Th key={i} scope="row" fw={500}>
                          {cell}
                        </Table.Th>
                      ) : (
                        <Table.Td key={i} ta="end">
                          {cell}
                        </Table.Td>
                      ),
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}
