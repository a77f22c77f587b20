using CapacityHub.Partners.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddPartners();

var app = builder.Build();
app.MapPartners();
app.Run();
