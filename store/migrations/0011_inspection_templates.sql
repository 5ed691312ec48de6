-- The checklist templates added to an inspection after its first (the
-- inspections row keeps the first, as before): each frozen as read, in
-- the order added. Their items are rows of inspection_items named
-- TEMPLATE:ITEM, so that no two templates' ids collide and the first
-- template's items keep the ids they always had.
CREATE TABLE inspection_templates (
    case_id          INTEGER NOT NULL REFERENCES inspections (case_id) ON DELETE CASCADE,
    position         INTEGER NOT NULL, -- 2, 3, … after the inspection's first template
    template_id      TEXT NOT NULL,
    template_version TEXT NOT NULL,
    template         TEXT NOT NULL, -- the template's YAML as loaded
    added_at         TEXT NOT NULL,
    PRIMARY KEY (case_id, template_id),
    UNIQUE (case_id, position)
);
