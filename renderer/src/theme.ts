import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  // A visible focus ring for keyboard users on every focusable Mantine component.
  focusRing: 'auto',
  components: {
    Tooltip: { defaultProps: { withArrow: true, multiline: true, maw: 360 } },
  },
});
