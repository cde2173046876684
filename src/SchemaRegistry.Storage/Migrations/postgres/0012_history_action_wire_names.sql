-- History rows stored the action by its C# name (ForcePublish); they now store its wire name (force_publish), the
-- spelling events and the API already used, so renaming the C# member can never make an old row unreadable.
UPDATE schema_history SET action = CASE action
    WHEN 'Register' THEN 'register'
    WHEN 'Edit' THEN 'edit'
    WHEN 'Validate' THEN 'validate'
    WHEN 'Submit' THEN 'submit'
    WHEN 'Approve' THEN 'approve'
    WHEN 'Reject' THEN 'reject'
    WHEN 'Publish' THEN 'publish'
    WHEN 'ForcePublish' THEN 'force_publish'
    WHEN 'Deprecate' THEN 'deprecate'
    ELSE action
END
WHERE action IN ('Register', 'Edit', 'Validate', 'Submit', 'Approve', 'Reject', 'Publish', 'ForcePublish', 'Deprecate');
