/**
 * Teams' look: the Fluent 2 design tokens of Teams' own light, dark and high-contrast themes
 * (@fluentui/tokens) set as CSS variables, so the stylesheet and the charts follow the theme.
 */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';

export type ThemeName = 'default' | 'dark' | 'contrast';

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

export function themeName(value: string | null | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

export function applyTheme(name: ThemeName): void {
  const root = document.documentElement;
  for (const [token, value] of Object.entries(themes[name])) root.style.setProperty(`--${token}`, String(value));
  root.dataset.theme = name;
  root.style.colorScheme = name === 'default' ? 'light' : 'dark';
}

/** A token's value as the theme has it now (for the charts, which draw on a canvas). */
export function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
}
