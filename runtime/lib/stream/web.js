'use strict';
// stream/web — the WHATWG streams API (ReadableStream, WritableStream,
// TransformStream, their readers/writers/controllers, queuing strategies,
// TextEncoderStream/TextDecoderStream), byte streams with BYOB readers.
// Where the global objects exist (installed by bootstrap) they are the same
// classes.  See internal/streams/web.

const web = require('internal/streams/web');

module.exports = {
  ReadableStream: web.ReadableStream,
  ReadableStreamDefaultReader: web.ReadableStreamDefaultReader,
  ReadableStreamBYOBReader: web.ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest: web.ReadableStreamBYOBRequest,
  ReadableByteStreamController: web.ReadableByteStreamController,
  ReadableStreamDefaultController: web.ReadableStreamDefaultController,
  WritableStream: web.WritableStream,
  WritableStreamDefaultWriter: web.WritableStreamDefaultWriter,
  WritableStreamDefaultController: web.WritableStreamDefaultController,
  TransformStream: web.TransformStream,
  TransformStreamDefaultController: web.TransformStreamDefaultController,
  ByteLengthQueuingStrategy: web.ByteLengthQueuingStrategy,
  CountQueuingStrategy: web.CountQueuingStrategy,
  TextEncoderStream: web.TextEncoderStream,
  TextDecoderStream: web.TextDecoderStream,
};
