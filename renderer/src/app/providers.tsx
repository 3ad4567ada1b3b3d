import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useSyncExternalStore, type ReactNode } from 'react';
import { ApiError } from '../../../shared/errors';

const theme = createTheme({
  primaryColor: 'indigo',
  // Filled buttons and badges at shade 8 with black or white text, whichever reads at 4.5:1 or more
  // (with Mantine's colours, white up to red 8's luminance of 0.183, black from cyan 8's 0.192).
  primaryShade: 8,
  autoContrast: true,
  luminanceThreshold: 0.185,
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, "Noto Sans", "Noto Sans CJK JP", sans-serif',
  headings: { fontWeight: '650' },
});

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const luminance = (hex: string) => {
  const [r = 0, g = 0, b = 0] = channels(hex).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** The colour, darkened just enough to read at 4.6:1 on the background (orange 9 on orange 1 does not). */
function readableOn(color: string, background: string): string {
  let c = color;
  for (let k = 0.95; contrast(c, background) < 4.6 && k > 0.3; k -= 0.05) {
    c = `#${channels(color).map((v) => Math.round(v * k).toString(16).padStart(2, '0')).join('')}`;
  }
  return c;
}

/**
 * Text at 4.5:1 or more in both schemes: secondary ("dimmed") text and placeholders darker in light
 * and lighter in dark than Mantine's; in light, the "light" variants (tinted buttons, badges,
 * alerts, avatars) and coloured text use their darkest shade, darkened further where needed.
 */
const resolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7],
    '--mantine-color-placeholder': t.colors.gray[7],
    ...Object.fromEntries(
      Object.entries(t.colors).flatMap(([name, shades]) => {
        const ink = readableOn(shades[9], shades[1]);
        return [
          [`--mantine-color-${name}-light`, shades[0]],
          [`--mantine-color-${name}-light-hover`, shades[1]],
          [`--mantine-color-${name}-light-color`, ink],
          [`--mantine-color-${name}-text`, ink],
        ];
      }),
    ),
  },
  dark: { '--mantine-color-dimmed': t.colors.dark[1], '--mantine-color-placeholder': t.colors.dark[1] },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Local data: an answer with an error is real, so it is shown at once; only an app that
      // cannot reach Rapport (a station stopped or restarting) is asked again, then told.
      retry: (count, error) => (!(error instanceof ApiError) || error.code === 'unreachable') && count < 3,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

/** Pages that are paper (reports, badges, a confirmation): black on white on screen as in print, whatever the scheme. */
const PAPER = /^#\/(reports\/.+|seminars\/[^/]+\/(badges|confirmation\/.+))$/;
const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const onPaper = () => PAPER.test(window.location.hash);

export function Providers({ children }: { children: ReactNode }) {
  const paper = useSyncExternalStore(subscribe, onPaper);
  return (
    // The system's light or dark mode unless the owner chose one (Settings → Appearance).
    <MantineProvider theme={theme} defaultColorScheme="auto" cssVariablesResolver={resolver} forceColorScheme={paper ? 'light' : undefined}>
      <Notifications position="bottom-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
