package io.jenkins.plugins.arr502;

import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.ManagementLink;
import hudson.security.Permission;
import jenkins.model.Jenkins;

import java.util.List;

/** "ARR 502.3 checks" under Manage Jenkins: the recent periodic results. */
@Extension
public class Arr502ManagementLink extends ManagementLink {

    @Override
    public String getIconFileName() {
        return "symbol-pulse-outline plugin-ionicons-api";
    }

    @Override
    public String getDisplayName() {
        return Messages.Arr502ManagementLink_DisplayName();
    }

    @Override
    public String getDescription() {
        return Messages.Arr502ManagementLink_Description();
    }

    @Override
    public String getUrlName() {
        return "arr502";
    }

    @Override
    public Permission getRequiredPermission() {
        return Jenkins.ADMINISTER;
    }

    @Override
    public Category getCategory() {
        return Category.STATUS;
    }

    public List<Arr502PeriodicWork.Entry> getRecent() {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return ExtensionList.lookupSingleton(Arr502PeriodicWork.class).getRecent();
    }
}
