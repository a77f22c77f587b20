using CapacityHub.Programmes.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddProgrammes();

var app = builder.Build();
app.MapProgrammes();
app.Run();
