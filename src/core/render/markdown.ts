/**
 * Markdown to HTML for notes and card faces: markdown-it with raw HTML off, heading anchors that
 * match section slugs, and links rewritten so the webview can route them (note links, glossary
 * links with the definition as a tooltip, external links).
 */
import MarkdownIt from 'markdown-it';
import { createSlugger } from '../notes/slug';

export interface RenderOptions {
  /** Definition shown as a tooltip on `glossary:id` links. */
  glossaryTitle?: (id: string) => string | undefined;
}

export function createMarkdown(options: RenderOptions = {}): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
  md.core.ruler.push('section_ids', (state) => {
    const slug = createSlugger();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'heading_open') continue;
      const text = tokens[i + 1]?.children?.map((c) => c.content).join('') ?? '';
      tokens[i].attrSet('id', slug(text));
    }
  });
  md.renderer.rules.link_open = (tokens, idx, opts, _env, self) => {
    const token = tokens[idx];
    const href = token.attrGet('href') ?? '';
    token.attrSet('data-href', href);
    token.attrSet('href', '#');
    if (href.startsWith('glossary:')) {
      token.attrJoin('class', 'glossary-link');
      const title = options.glossaryTitle?.(href.slice(9));
      if (title) token.attrSet('title', title);
    } else if (/^https?:/.test(href)) {
      token.attrJoin('class', 'external-link');
      token.attrSet('title', href);
    }
    return self.renderToken(tokens, idx, opts);
  };
  // Images from notes are not loaded (no remote resources); show their alt text instead.
  md.renderer.rules.image = (tokens, idx) => {
    const alt = tokens[idx].content || 'image';
    return `<span class="image-placeholder" title="Images are not shown">[${md.utils.escapeHtml(alt)}]</span>`;
  };
  return md;
}

/** Drops a leading front-matter block, which is metadata, not content. */
export function stripFrontMatter(text: string): string {
  const m = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  return m ? text.slice(m[0].length) : text;
}
