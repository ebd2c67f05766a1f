"""Files FaxDesk loads at run time (icons, later translations); located via faxdesk.resources."""
