/** What a link to an endpoint the operator switched off (catalog.json `disabled`) shows in the Playground and Docs. */
export function SwitchedOff({ operationId }: { operationId: string }) {
  return (
    <p role="alert">
      The operator of this server has switched off <code>{operationId}</code>: every request to it answers 403 <code>endpoint_disabled</code>.
    </p>
  );
}
