import { createContext, useContext } from 'react';
import type { ThemeName } from './host';

const ThemeNameContext = createContext<ThemeName>('light');

/** Which of Teams' themes the page shows, for what Fluent's tokens cannot say (the charts' colours). */
export const ThemeNameProvider = ThemeNameContext.Provider;
export const useThemeName = () => useContext(ThemeNameContext);
