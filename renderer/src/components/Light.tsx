import { Badge, Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Light } from '../../../shared/domain';

export const LIGHT_COLORS: Record<Light, string> = {
  green: 'var(--mantine-color-green-7)',
  yellow: 'var(--mantine-color-yellow-5)',
  red: 'var(--mantine-color-red-7)',
};

/** The coloured dot alone; always used next to the word, never instead of it. */
export function LightDot({ light, size = 12 }: { light: Light | null; size?: number }) {
  return (
    <Box
      component="span"
      aria-hidden
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: '50%',
        flex: 'none',
        background: light ? LIGHT_COLORS[light] : 'transparent',
        border: light ? '1px solid rgba(0,0,0,0.25)' : '1px dashed var(--mantine-color-gray-6)',
      }}
    />
  );
}

/** A traffic light as dot + word ("Grøn"), so colour is never the only cue. */
export function LightLabel({ light, size = 'sm', dotSize }: { light: Light | null; size?: 'xs' | 'sm' | 'md' | 'lg'; dotSize?: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" component="span" data-light={light ?? 'none'} style={{ display: 'inline-flex' }}>
      <LightDot light={light} size={dotSize ?? (size === 'lg' ? 18 : 12)} />
      <Text component="span" size={size} fw={600}>
        {light ? t(`light.${light}`) : t('light.none')}
      </Text>
    </Group>
  );
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
