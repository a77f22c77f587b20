using CapacityHub.Trainings.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrainings();

var app = builder.Build();
app.MapTrainings();
app.Run();
