/**
 * A Console 400's field errors split for a form: those on a field the form shows go beside that
 * field; the rest (a field the form does not show, or the whole body) are said above the form.
 */
export function splitFieldErrors(fields: Readonly<Record<string, string>>, shown: readonly string[]): { inline: Record<string, string>; rest: string | null } {
  const inline: Record<string, string> = {};
  const rest: string[] = [];
  for (const [field, message] of Object.entries(fields)) {
    if (shown.includes(field)) inline[field] = message;
    else rest.push(`${field} ${message}`);
  }
  return { inline, rest: rest.length > 0 ? `Please check: ${rest.join('; ')}.` : null };
}
