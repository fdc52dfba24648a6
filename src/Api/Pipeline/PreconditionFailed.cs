using System.Text.Json;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Marten.Exceptions;
using Npgsql;

namespace Funds.Api.Pipeline;

/// <summary>An If-Match precondition that does not hold: the client's version is stale.</summary>
public sealed class PreconditionFailed(string message) : Exception(message);
