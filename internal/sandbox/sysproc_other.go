//go:build !linux

package sandbox

import (
	"context"
	"errors"
	"net"
	"syscall"
)

// The sandbox targets Linux; elsewhere only Direct works, without
// Pdeathsig, cgroups or preview forwarding.

func sysProcAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setpgid: true} }

func waitExited(int) {}

func keepDescriptorsHome() {}

func signalName(s syscall.Signal) string { return s.String() }

type forwarder struct{}

func newForwarder(int, int) (*forwarder, error) { return nil, errors.ErrUnsupported }

func (*forwarder) addr() string { return "" }

func (*forwarder) close() {}

func (*forwarder) dialInside(context.Context) (net.Conn, error) { return nil, errors.ErrUnsupported }

func forwardSupported() error { return errors.ErrUnsupported }
