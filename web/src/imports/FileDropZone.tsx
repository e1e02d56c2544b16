import UploadFileIcon from '@mui/icons-material/UploadFile';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { type ChangeEvent, type DragEvent, type Ref, useState } from 'react';
import { useTranslate } from 'react-admin';

export interface FileDropZoneProps {
  inputId: string;
  inputRef: Ref<HTMLInputElement>;
  /** The element that says which file is chosen (read out with the input). */
  describedBy: string;
  disabled: boolean;
  onChoose: (file: File | undefined) => void;
}

/**
 * A CSV file chooser: the real file input, visually hidden but focusable (Tab reaches it, Enter or
 * Space opens the chooser), and its label as a drop zone.
 */
export function FileDropZone({ inputId, inputRef, describedBy, disabled, onChoose }: FileDropZoneProps) {
  const translate = useTranslate();
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!disabled) onChoose(event.dataTransfer.files?.[0]);
  };
  return (
    <>
      <Box
        component="input"
        ref={inputRef}
        id={inputId}
        type="file"
        accept=".csv,text/csv"
        disabled={disabled}
        aria-describedby={describedBy}
        data-testid="import-file"
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChoose(e.target.files?.[0])}
        sx={{
          // The usual visually-hidden pattern (in sx, a bare 1 would mean 100 %).
          position: 'absolute',
          width: '1px',
          height: '1px',
          p: 0,
          m: '-1px',
          border: 0,
          overflow: 'hidden',
          clipPath: 'inset(50%)',
          whiteSpace: 'nowrap',
          '&:focus-visible + label': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 },
        }}
      />
      <Box
        component="label"
        htmlFor={inputId}
        onDragOver={(e: DragEvent) => {
          e.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          gap: 0.5,
          p: 3,
          border: '2px dashed',
          borderColor: dragging ? 'primary.main' : 'divider',
          borderRadius: 2,
          bgcolor: dragging ? 'action.hover' : 'transparent',
          cursor: disabled ? 'default' : 'pointer',
          textAlign: 'center',
          '&:hover': disabled ? undefined : { borderColor: 'primary.main' },
        }}
      >
        <UploadFileIcon color="primary" fontSize="large" aria-hidden />
        <Typography component="span" color="primary" sx={{ fontWeight: 500 }}>
          {translate('app.import.choose_file')}
        </Typography>
        <Typography component="span" variant="body2" color="text.secondary" aria-hidden>
          {translate('app.import.drop_hint')}
        </Typography>
      </Box>
    </>
  );
}
