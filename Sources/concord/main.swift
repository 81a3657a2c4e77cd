import ConcordCommands

Concord.main()
