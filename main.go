// Command nexusgen turns a plain-language description into a working, tested web app.
package main

import (
	"context"
	"os"

	"github.com/nexusgen/nexusgen/internal/cli"
)

func main() { os.Exit(cli.Execute(context.Background())) }
