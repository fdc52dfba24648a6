using Funds.Api.Http;
using Funds.Api.Projects;
using Funds.Domain.Deadlines;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Deadlines;

public sealed record TownshipDeadlines(string Township, int NotDue, int OnTrack, int AtRisk, int Missed, int MetOnTime, int MetLate, int Total);
