import { Body1 } from "@fluentui/react-components";
import { Component, type ReactNode } from "react";

export interface ErrorBoundaryProps {
  /** What to say instead of a broken pane (plain words, from the catalogue). */
  message: string;
  children: ReactNode;
}

/**
 * A render error must never leave a blank pane or show a stack trace: the user gets one plain
 * sentence with what to do, and the appointment is untouched (the pane writes only in flows).
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? (
      <Body1 role="alert">{this.props.message}</Body1>
    ) : (
      this.props.children
    );
  }
}
