/** The webview side of the host bridge, typed by each webview's protocol. */
interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}
declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

export interface Bridge<ToHost, State> {
  post(message: ToHost): void;
  state(): State | undefined;
  save(state: State): void;
}

let api: VsCodeApi<unknown> | undefined;

export function bridge<ToHost, State>(): Bridge<ToHost, State> {
  api ??= acquireVsCodeApi<unknown>();
  const a = api;
  return {
    post: (m) => a.postMessage(m),
    state: () => a.getState() as State | undefined,
    save: (s) => a.setState(s),
  };
}

/** Creates an element with attributes and children; text children are set as text, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}
