using CapacityHub.Rpc.CodeGen;
using Google.Protobuf;
using Google.Protobuf.Compiler;

// protoc runs this plugin with a CodeGeneratorRequest on stdin and reads a CodeGeneratorResponse from stdout.
using var stdin = Console.OpenStandardInput();
var request = CodeGeneratorRequest.Parser.ParseFrom(stdin);
var response = PluginRun.Generate(request);
using var stdout = Console.OpenStandardOutput();
response.WriteTo(stdout);
stdout.Flush();
return 0;
