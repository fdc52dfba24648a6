namespace Funds.Api.Pipeline;

/// <summary>A request body in a media type the route does not read (answered 415, rule <c>unsupported-media-type</c>).</summary>
public sealed class UnsupportedMediaType(string message) : Exception(message);
