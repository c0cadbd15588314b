import { DEFAULT_THEME, createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

/** Mantine's palette with its darkest shades replaced (index → colour). */
function darkened(name: 'orange' | 'yellow' | 'green', shades: Record<number, string>): MantineColorsTuple {
  return DEFAULT_THEME.colors[name].map((c, i) => shades[i] ?? c) as unknown as MantineColorsTuple;
}

/**
 * A field's error message is announced when it appears (Mantine already ties it to the field with
 * aria-invalid and aria-describedby).
 */
function announcedErrors(names: string[]): Record<string, { defaultProps: { errorProps: { role: string } } }> {
  return Object.fromEntries(names.map((n) => [n, { defaultProps: { errorProps: { role: 'alert' } } }]));
}

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 rather than Mantine's 6: indigo-6 on white is 4.3:1, under WCAG AA's 4.5:1 for links
  // and white button text; indigo-8 is 5.7:1 (also on the gray-1 of table stripes: 5.1:1).
  primaryShade: { light: 8, dark: 8 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  defaultRadius: 'sm',
  // Text on filled yellow (warnings) and other light fills is dark, not white (2:1 on yellow).
  autoContrast: true,
  // The shades we write warning and status text in (c="orange.8", light badges, which use shade 9)
  // are under 4.5:1 in Mantine's palette (orange-8 3.6:1 on white, yellow-9 3.0:1, green-8 3.5:1);
  // these keep the hue and reach 4.7:1 or more also on the light badges' tint.
  colors: {
    orange: darkened('orange', { 8: '#b54708', 9: '#9a3b06' }),
    yellow: darkened('yellow', { 9: '#7a4a00' }),
    green: darkened('green', { 8: '#2b7a3a', 9: '#237032' }),
  },
  // A visible focus ring for keyboard users on every focusable Mantine component.
  focusRing: 'auto',
  // Users who ask their system for less motion get no transitions (WCAG 2.3.3).
  respectReducedMotion: true,
  components: {
    Tooltip: { defaultProps: { withArrow: true, multiline: true, maw: 360 } },
    // The notification's message is gray-6 in Mantine's styles (3.3:1), not "dimmed".
    Notification: { styles: { description: { color: 'var(--mantine-color-gray-7)' } } },
    ...announcedErrors(['TextInput', 'Textarea', 'NumberInput', 'Select', 'Autocomplete', 'MultiSelect', 'PasswordInput', 'NativeSelect']),
  },
});

/**
 * Colours that Mantine's defaults leave under WCAG AA's 4.5:1 for normal text, raised for every
 * component at once: "dimmed" text (field descriptions, notes in tables, notification messages) is
 * gray-6 (3.3:1 on white), now gray-7 (8.2:1); error text red-6 (3.3:1), now red-9 (5.5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

/**
 * The parts of the theme that speak: close buttons of dialogs and notifications are icons and need
 * a name in the UI language (axe's "button-name"), so the theme is made per language.
 */
export function themeFor(closeLabel: string): MantineThemeOverride {
  return mergeThemeOverrides(theme, {
    components: {
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
    },
  });
}
