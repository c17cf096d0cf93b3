// A response whose body is already whole in memory: a rendered page, a small JSON reply.
//
// A web Response built from bytes wraps them in a ReadableStream at once (a stream object, its
// controller, a transferable wrapper), and the server then reads that stream back chunk by chunk
// to copy the bytes into Node's response: about 3 % of the CPU time of a small page, spent moving
// bytes that were never a stream. A WholeResponse keeps the bytes as they are and the server
// (`remix-adapter.server.ts`) writes them in one call. To anything else it is an ordinary
// Response: its body, text, JSON, bytes, form data and clone all give the same bytes, read once.

export class WholeResponse extends Response {
  /** The body, as the server writes it. */
  readonly whole: Uint8Array;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | null = null;
  #consumed = false;

  constructor(body: Uint8Array | string, init: ResponseInit = {}) {
    const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : body;
    const headers = new Headers(init.headers);
    if (!headers.has("Content-Length")) headers.set("Content-Length", String(bytes.byteLength));
    super(null, { ...init, headers });
    this.whole = bytes;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    if (!this.#stream) {
      const bytes = this.whole;
      this.#stream = new ReadableStream<Uint8Array<ArrayBuffer>>({
        start(controller) {
          if (bytes.byteLength > 0) controller.enqueue(new Uint8Array(bytes));
          controller.close();
        },
      });
    }
    return this.#stream;
  }

  override get bodyUsed(): boolean {
    return this.#consumed || (this.#stream !== null && this.#stream.locked);
  }

  /** The bytes for a reader that takes them all; a second read fails as on any Response. */
  #take(): Uint8Array {
    if (this.bodyUsed) throw new TypeError("Body is unusable: Body has already been read");
    this.#consumed = true;
    return this.whole;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.#take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  override async bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(this.#take());
  }

  override async formData(): Promise<FormData> {
    return new Response(new Uint8Array(this.#take()), { headers: this.headers }).formData();
  }

  override async text(): Promise<string> {
    return Buffer.from(this.#take()).toString("utf8");
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  override async blob(): Promise<Blob> {
    return new Blob([new Uint8Array(this.#take())], { type: this.headers.get("Content-Type") ?? "" });
  }

  override clone(): WholeResponse {
    if (this.bodyUsed) throw new TypeError("Response.clone: Body has already been consumed.");
    return new WholeResponse(this.whole, { status: this.status, statusText: this.statusText, headers: new Headers(this.headers) });
  }
}
