// A React error boundary: a part of the page (a screen, a panel, a dashboard section) that throws
// while rendering shows a message in its place and the rest of the page stays usable. Without one, a
// throw anywhere during render (e.g. from a journey someone sent that this build did not foresee)
// unmounts the whole app and leaves a blank page. `resetKeys` clear the failure when what was shown
// changes (another route, another journey); "Try again" clears it by hand.
// React itself reports the caught error on the console (its default onCaughtError).
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface BoundaryProps {
  /** What this part of the page is, in the interface language ("the inspector", "the journeys list"). */
  area: string;
  /** When any of these changes, a failed part is drawn again. */
  resetKeys?: readonly unknown[];
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
  keys: readonly unknown[];
}

const sameKeys = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((key, index) => Object.is(key, b[index]));

class Boundary extends Component<BoundaryProps & { renderFallback: (area: string, retry: () => void) => ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null, keys: this.props.resetKeys ?? [] };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    const keys = props.resetKeys ?? [];
    return sameKeys(keys, state.keys) ? null : { error: null, keys };
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    return this.state.error ? this.props.renderFallback(this.props.area, this.retry) : this.props.children;
  }
}

function Fallback({ area, retry }: { area: string; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-boundary" role="alert">
      <p>{t('errorBoundary.message', { area })}</p>
      <button type="button" onClick={retry}>
        {t('errorBoundary.retry')}
      </button>
    </div>
  );
}

export function ErrorBoundary(props: BoundaryProps) {
  return <Boundary {...props} renderFallback={(area, retry) => <Fallback area={area} retry={retry} />} />;
}
