package extract

//go:generate go run ./internal/gen -shared ../../shared -out tables_gen.go
