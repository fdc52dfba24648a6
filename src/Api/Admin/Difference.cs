using System.Data;
using Funds.Api.Hosting;
using Funds.Projections.Money;
using JasperFx.Events;
using Marten.Events;

namespace Funds.Api.Admin;

public sealed record Difference(string Model, string Key, string Field, decimal FromEvents, decimal InModel);
