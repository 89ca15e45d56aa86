import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlText';

describe('htmlToText', () => {
  it('reads a Mastodon status as text', () => {
    const html =
      '<p><span class="h-card"><a href="https://mastodon.social/@aurora" class="u-url mention">@<span>aurora</span></a></span> my bag &amp; my coat are lost!</p><p>Flight AU 123<br />Help &#128556;</p>';
    expect(htmlToText(html)).toBe('@aurora my bag & my coat are lost!\n\nFlight AU 123\nHelp 😬');
  });

  it('keeps hostile markup out and leaves unknown entities alone', () => {
    expect(htmlToText('<script>alert(1)</script>&lt;img src=x onerror=alert(1)&gt; &bogus; &#xD800;')).toBe('<img src=x onerror=alert(1)> &bogus; &#xD800;');
  });
});
