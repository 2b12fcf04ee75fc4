// The comment mark, drawn like the app's other icons (../../icons.tsx): an SVG from lucide-react,
// hidden from assistive technology, beside text (or inside an element with a label) that says it.
import { MessageSquare } from 'lucide-react';

export function CommentIcon({ size = '1em' }: { size?: number | string }) {
  return <MessageSquare size={size} aria-hidden="true" focusable="false" className="app-icon" />;
}
