module rendezvous/tests/go

go 1.19
