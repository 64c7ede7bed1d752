import { Component, type ReactNode } from 'react';

interface Props {
  readonly fallback: (reset: () => void, error: unknown) => ReactNode;
  readonly children: ReactNode;
  /** Changing the key (the page address) clears an earlier failure. */
  readonly resetKey?: string;
}

interface State {
  readonly failed: boolean;
  readonly error?: unknown;
  readonly resetKey?: string | undefined;
}

/** Keeps a failing page from blanking the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: true, error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown): void {
    console.warn('A page failed to render', error);
  }

  override render(): ReactNode {
    return this.state.failed
      ? this.props.fallback(() => {
          this.setState({ failed: false });
        }, this.state.error)
      : this.props.children;
  }
}
