from faxdesk.cli import main

raise SystemExit(main())
