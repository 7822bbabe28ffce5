import { addTarget, addTargetClient, availableTargets, HTTPSnippet, type ClientId, type TargetId } from 'httpsnippet-lite';
import { KEY_PLACEHOLDER } from './curl.js';

/**
 * One language of the snippet menu, cURL first and default. TypeScript is not here: its snippet is the
 * typed client's call (client-snippet.ts), not a raw HTTP request.
 */
export interface SnippetLanguage {
  id: string;
  label: string;
  target: string;
  client: string;
}

export const SNIPPET_LANGUAGES: readonly SnippetLanguage[] = [
  { id: 'curl', label: 'cURL', target: 'shell', client: 'curl' },
  { id: 'httpie', label: 'HTTPie', target: 'shell', client: 'httpie' },
  { id: 'wget', label: 'wget', target: 'shell', client: 'wget' },
  { id: 'fetch', label: 'JavaScript fetch', target: 'javascript', client: 'fetch' },
  { id: 'node', label: 'Node.js', target: 'node', client: 'fetch' },
  { id: 'python-requests', label: 'Python requests', target: 'python', client: 'requests' },
  { id: 'python-httpx', label: 'Python httpx', target: 'python', client: 'httpx' },
  { id: 'go', label: 'Go', target: 'go', client: 'native' },
  { id: 'ruby', label: 'Ruby', target: 'ruby', client: 'native' },
  { id: 'php', label: 'PHP', target: 'php', client: 'curl' },
  { id: 'java', label: 'Java', target: 'java', client: 'nethttp' },
  { id: 'csharp', label: 'C#', target: 'csharp', client: 'httpclient' },
  { id: 'kotlin', label: 'Kotlin', target: 'kotlin', client: 'okhttp' },
  { id: 'rust', label: 'Rust', target: 'rust', client: 'reqwest' },
  { id: 'swift', label: 'Swift', target: 'swift', client: 'nsurlsession' },
  { id: 'powershell', label: 'PowerShell', target: 'powershell', client: 'restmethod' },
];

interface Prepared {
  fullUrl: string;
  allHeaders: Record<string, string | string[]>;
  method: string;
}

const headerLines = (headers: Prepared['allHeaders']) => Object.entries(headers).map(([name, value]) => [name, String(value)] as const);

/*
 * httpsnippet-lite has no httpx or Rust client; they are added through its own extension
 * API, so every language still goes through one generator and one request description.
 */
const httpxClient = {
  info: { key: 'httpx', title: 'httpx', link: 'https://www.python-httpx.org/', description: 'A next-generation HTTP client for Python' },
  convert: ({ fullUrl, allHeaders, method }: Prepared) =>
    [
      'import httpx',
      '',
      `url = ${JSON.stringify(fullUrl)}`,
      `headers = {${headerLines(allHeaders).map(([n, v]) => `${JSON.stringify(n)}: ${JSON.stringify(v)}`).join(', ')}}`,
      '',
      `response = httpx.request(${JSON.stringify(method)}, url, headers=headers)`,
      '',
      'print(response.status_code, response.json())',
    ].join('\n'),
};

const reqwestClient = {
  info: { key: 'reqwest', title: 'reqwest', link: 'https://docs.rs/reqwest', description: 'reqwest, blocking' },
  convert: ({ fullUrl, allHeaders, method }: Prepared) =>
    [
      'fn main() -> Result<(), Box<dyn std::error::Error>> {',
      '    let client = reqwest::blocking::Client::new();',
      `    let response = client`,
      `        .request(reqwest::Method::${method.toUpperCase()}, ${JSON.stringify(fullUrl)})`,
      ...headerLines(allHeaders).map(([n, v]) => `        .header(${JSON.stringify(n)}, ${JSON.stringify(v)})`),
      '        .send()?;',
      '    println!("{} {}", response.status(), response.text()?);',
      '    Ok(())',
      '}',
    ].join('\n'),
};

function registerExtraClients(): void {
  const known = availableTargets();
  const has = (target: string, client?: string) =>
    known.some((t) => t.key === target && (client === undefined || t.clients.some((c) => c.key === client)));
  if (!has('python', 'httpx')) addTargetClient('python' as TargetId, httpxClient as never);
  if (!has('rust')) {
    addTarget({ info: { key: 'rust', title: 'Rust', extname: '.rs', default: 'reqwest' }, clientsById: { reqwest: reqwestClient } } as never);
  }
}
registerExtraClients();

/** A GET with the key header, the key always as `<api-key>` (snippets are for copying and sharing). */
export async function snippet(languageId: string, url: string): Promise<string> {
  const language = SNIPPET_LANGUAGES.find((l) => l.id === languageId) ?? SNIPPET_LANGUAGES[0]!;
  const har = {
    method: 'GET',
    url,
    httpVersion: 'HTTP/1.1',
    headers: [{ name: 'x-api-key', value: KEY_PLACEHOLDER }],
    queryString: [],
    cookies: [],
    headersSize: -1,
    bodySize: -1,
  };
  const out = await new HTTPSnippet(har).convert(language.target as TargetId, language.client as ClientId, { indent: '  ' });
  const text = Array.isArray(out) ? out.join('\n') : (out ?? '');
  return text;
}
