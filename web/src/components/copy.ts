/**
 * Copies text, falling back to a hidden textarea where the Clipboard API is refused. A
 * `trendlens:copied` event carries the text so browser tests can check exactly what was copied.
 */
export async function copyText(text: string): Promise<boolean> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    ok = document.execCommand('copy');
    area.remove();
  }
  window.dispatchEvent(new CustomEvent('trendlens:copied', { detail: text }));
  return ok;
}
