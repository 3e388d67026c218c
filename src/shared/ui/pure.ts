/**
 * A component that re-renders only when one of its props changed (shallow), like React.memo, without
 * preact/compat. Rows use it: moving the focus re-renders two rows, not every row in view; so do the
 * popup's parts, which the app renders a few times per decision (ADR 037).
 */
import { Component, type ComponentChildren, type FunctionComponent, h } from 'preact';

export function pure<P extends object>(render: FunctionComponent<P>) {
  return class Pure extends Component<P> {
    static override displayName = `pure(${render.displayName ?? render.name})`;
    override shouldComponentUpdate(next: P): boolean {
      const current = this.props as Record<string, unknown>;
      const upcoming = next as Record<string, unknown>;
      for (const key in upcoming) if (upcoming[key] !== current[key]) return true;
      for (const key in current) if (!(key in upcoming)) return true;
      return false;
    }
    override render(props: P): ComponentChildren {
      return h(render as FunctionComponent<P>, props);
    }
  };
}
