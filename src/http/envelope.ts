/** The envelope every response uses (contract §3.1): `code` is the HTTP status. */
export function envelope(code: number, msg: string, data: unknown) {
  return { code, msg, data };
}
