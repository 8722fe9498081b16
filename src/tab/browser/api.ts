/**
 * The tab's calls to its API: with the Teams SSO token in Teams, or the picked person in local
 * mode. Downloads are fetched with the same credentials and saved from a blob.
 */
export type Credentials = () => Promise<Record<string, string>>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createApi(credentials: Credentials) {
  const request = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(path, { ...init, headers: { ...(await credentials()), ...(init.headers ?? {}) } });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      throw new ApiError(response.status, body.error ?? `The request failed (${response.status}).`);
    }
    return response;
  };
  return {
    json: async <T>(path: string, init?: RequestInit): Promise<T> => (await (await request(path, init)).json()) as T,
    text: async (path: string): Promise<string> => (await request(path)).text(),
    /** Saves the answer as a file, named as the server says. */
    async download(path: string, fallbackName: string): Promise<void> {
      const response = await request(path);
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  };
}

export type Api = ReturnType<typeof createApi>;
