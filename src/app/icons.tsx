// Every icon the app draws, in one place: SVG icons from lucide-react instead of emoji or pictograph
// characters, which machines without an emoji (or symbol) font show as empty boxes. Icons are decoration
// beside text that names the control, so each is hidden from assistive technology; a control whose only
// content is an icon carries its own aria-label. Named imports only, so the bundle keeps just these.
import {
  ArrowLeft,
  ChartColumn,
  Circle,
  CircleQuestionMark,
  Diamond,
  Download,
  Hourglass,
  Info,
  Link,
  Mail,
  OctagonX,
  Play,
  Printer,
  Redo2,
  Settings,
  SkipBack,
  SkipForward,
  Split,
  Square,
  Star,
  Tag,
  Ticket,
  Timer,
  TriangleExclamationPoint,
  Undo2,
  Upload,
  Workflow,
  X,
  type LucideIcon,
} from 'lucide-react';
import type { KindIconName, Severity } from '../core/journey';

/** What every icon here accepts: a size in CSS pixels (default 1em, so it follows the text) and a class. */
export interface IconProps {
  size?: number | string;
  className?: string;
}

function iconOf(Glyph: LucideIcon, baseClass: string) {
  function AppIcon({ size = '1em', className }: IconProps) {
    return <Glyph size={size} aria-hidden="true" focusable="false" className={className ? `${baseClass} ${className}` : baseClass} />;
  }
  AppIcon.displayName = `Icon(${Glyph.displayName ?? baseClass})`;
  return AppIcon;
}

const kindGlyphs: Record<KindIconName, LucideIcon> = {
  play: Play,
  mail: Mail,
  ticket: Ticket,
  split: Split,
  tag: Tag,
  timer: Timer,
  hourglass: Hourglass,
  star: Star,
  square: Square,
  diamond: Diamond,
  circle: Circle,
};

/** A node kind's icon, by the name its definition declares; `null` (a kind this build does not know) shows a question mark. */
export function KindIcon({ name, size = '1em', className }: IconProps & { name: KindIconName | null }) {
  const Glyph = name === null ? CircleQuestionMark : kindGlyphs[name];
  const classes = ['app-icon', 'kind-icon', className].filter(Boolean).join(' ');
  return <Glyph size={size} aria-hidden="true" focusable="false" className={classes} data-icon={name ?? 'unknown'} />;
}

const severityGlyphs: Record<Severity, LucideIcon> = { error: OctagonX, warning: TriangleExclamationPoint, info: Info };

/** The mark for a problem's severity (its name is said in text beside it). */
export function SeverityIcon({ severity, size = '1em', className }: IconProps & { severity: Severity }) {
  const Glyph = severityGlyphs[severity];
  const classes = ['app-icon', 'severity-icon', `severity-icon--${severity}`, className].filter(Boolean).join(' ');
  return <Glyph size={size} aria-hidden="true" focusable="false" className={classes} data-severity={severity} />;
}

export const BackIcon = iconOf(ArrowLeft, 'app-icon');
export const UndoIcon = iconOf(Undo2, 'app-icon');
export const RedoIcon = iconOf(Redo2, 'app-icon');
export const AutoLayoutIcon = iconOf(Workflow, 'app-icon');
export const ShareIcon = iconOf(Link, 'app-icon');
export const ExportIcon = iconOf(Download, 'app-icon');
export const DownloadIcon = iconOf(Download, 'app-icon');
export const ImportIcon = iconOf(Upload, 'app-icon');
export const CloseIcon = iconOf(X, 'app-icon');
export const SettingsIcon = iconOf(Settings, 'app-icon');
export const RunIcon = iconOf(Play, 'app-icon');
export const StopIcon = iconOf(Square, 'app-icon');
export const DashboardIcon = iconOf(ChartColumn, 'app-icon');
export const PrintIcon = iconOf(Printer, 'app-icon');
export const OfferIcon = iconOf(Ticket, 'app-icon');
export const StepBackIcon = iconOf(SkipBack, 'app-icon');
export const StepForwardIcon = iconOf(SkipForward, 'app-icon');
