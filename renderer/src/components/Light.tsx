import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Light } from '../../../shared/domain';

export const LIGHT_COLORS: Record<Light, string> = {
  green: 'var(--mantine-color-green-7)',
  yellow: 'var(--mantine-color-yellow-5)',
  red: 'var(--mantine-color-red-7)',
};

/**
 * Each light has its own shape as well as its colour (green a circle, yellow a triangle, red a
 * square), as on the road, so that the light reads without colour vision and in grey print.
 */
export const LIGHT_SHAPES: Record<Light, 'circle' | 'triangle' | 'square'> = { green: 'circle', yellow: 'triangle', red: 'square' };

/** The light's shape in its colour; always used next to the word, never instead of it. */
export function LightDot({ light, size = 12 }: { light: Light | null; size?: number }) {
  const shape = light ? LIGHT_SHAPES[light] : 'none';
  const fill = light ? LIGHT_COLORS[light] : 'transparent';
  const stroke = light ? 'rgba(0,0,0,0.35)' : 'var(--mantine-color-gray-6)';
  return (
    <svg aria-hidden focusable="false" width={size} height={size} viewBox="0 0 12 12" data-shape={shape} style={{ flex: 'none', display: 'inline-block' }}>
      {shape === 'circle' && <circle cx="6" cy="6" r="5.5" fill={fill} stroke={stroke} strokeWidth="1" />}
      {shape === 'triangle' && <polygon points="6,0.6 11.5,11.4 0.5,11.4" fill={fill} stroke={stroke} strokeWidth="1" strokeLinejoin="round" />}
      {shape === 'square' && <rect x="1" y="1" width="10" height="10" rx="1" fill={fill} stroke={stroke} strokeWidth="1" />}
      {shape === 'none' && <circle cx="6" cy="6" r="5.5" fill="none" stroke={stroke} strokeWidth="1" strokeDasharray="2 1.5" />}
    </svg>
  );
}

type LightSize = 'xs' | 'sm' | 'md' | 'lg';

/**
 * LightLabel with its word given: for tables, which translate the four words once per render
 * rather than once per cell (issue 12, first paint).
 */
export function LightWord({ light, word, size = 'sm', dotSize }: { light: Light | null; word: string; size?: LightSize; dotSize?: number }) {
  return (
    <Group gap={6} wrap="nowrap" component="span" data-light={light ?? 'none'} style={{ display: 'inline-flex' }}>
      <LightDot light={light} size={dotSize ?? (size === 'lg' ? 18 : 12)} />
      <Text component="span" size={size} fw={600}>
        {word}
      </Text>
    </Group>
  );
}

/** The words of the lights and of no light, in the current language. */
export function lightWords(t: (key: string) => string): Record<Light | 'none', string> {
  return { green: t('light.green'), yellow: t('light.yellow'), red: t('light.red'), none: t('light.none') };
}

/** A traffic light as shape + word ("Grøn"), so colour is never the only cue. */
export function LightLabel({ light, size = 'sm', dotSize }: { light: Light | null; size?: LightSize; dotSize?: number }) {
  const { t } = useTranslation();
  return <LightWord light={light} word={light ? t(`light.${light}`) : t('light.none')} size={size} dotSize={dotSize} />;
}

/** A light as a compact badge (tables). */
export function LightBadge({ light }: { light: Light | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={light === 'green' ? 'green' : light === 'yellow' ? 'yellow' : light === 'red' ? 'red' : 'gray'}
      leftSection={<LightDot light={light} size={10} />}
      styles={{ label: { color: 'var(--mantine-color-dark-7)', textTransform: 'none' } }}
      data-light={light ?? 'none'}
    >
      {light ? t(`light.${light}`) : t('light.none')}
    </Badge>
  );
}
