// Names of the files the dashboard offers: `<journey>-<what>.<ext>`. The dashboard provides the
// journey's part through a context, so every chart (however deep in its section) can name its PNG.
import { createContext } from 'react';

/** Letters and digits of any script, the rest as single hyphens, lower case ('' when nothing is left). */
export const fileSlug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** The journey's part of every file name (the dashboard sets it; "journey" outside one). */
export const FileBaseContext = createContext('journey');

/** `<journey>-<chart title>.png`. */
export const chartPngName = (fileBase: string, title: string): string => `${[fileBase, fileSlug(title) || 'chart'].join('-')}.png`;
