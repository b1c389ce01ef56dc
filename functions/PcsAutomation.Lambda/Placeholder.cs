namespace PcsAutomation.Lambda;
