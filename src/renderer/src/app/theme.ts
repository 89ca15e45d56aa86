// A calm, dense, professional look for long shifts: neutral surfaces, one quiet accent.
import { Badge, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 6, dark: 5 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Noto Sans Devanagari", "Noto Sans JP", Ubuntu, Cantarell, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    // Badges carry names and languages ("pt-BR", "Instagram"): keep their case, never squeeze them.
    Badge: Badge.extend({ defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none', flexShrink: 0 } } }),
  },
});
