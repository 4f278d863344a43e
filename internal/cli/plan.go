package cli

import (
	"io"

	"github.com/spf13/cobra"

	"github.com/nexusgen/nexusgen/internal/architect"
	"github.com/nexusgen/nexusgen/internal/intake"
)

func planCmd(s streams) *cobra.Command {
	var attach []string
	cmd := &cobra.Command{
		Use:   `plan "<prompt>"`,
		Short: "Print the PRD the architect writes for a prompt, without building anything",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			raw := args[0]
			if raw == "-" {
				data, err := io.ReadAll(io.LimitReader(s.in, intake.MaxPromptBytes+1))
				if err != nil {
					return usageErr("read the prompt from standard input: %v", err)
				}
				raw = string(data)
			}
			prompt, err := intake.Prompt(raw)
			if err != nil {
				return inputErr(err)
			}
			assets, err := intake.Attachments(attach)
			if err != nil {
				return inputErr(err)
			}
			p, err := architect.Offline{}.Plan(cmd.Context(), architect.Params{Prompt: prompt, Documents: assets.Documents, Colours: assets.Colours})
			if err != nil {
				return &exitError{code: ExitFailed, err: err}
			}
			return printJSON(s.out, p)
		},
	}
	cmd.Flags().StringArrayVar(&attach, "attach", nil, "attach a logo or document (repeatable)")
	return cmd
}
